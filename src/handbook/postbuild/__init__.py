"""After-build steps: plain functions over one borough's built folder, run by the pipeline
after the builder."""
