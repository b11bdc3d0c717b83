"""The print stage: PDFs of each section and of the whole guide, made from a built site."""
