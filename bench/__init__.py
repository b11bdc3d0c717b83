"""The performance benchmark: synthetic data of growing size, timed from check to PDFs."""
