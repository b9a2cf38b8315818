"""Finding forms by what is written in them: the words kept per form, and their full-text index."""
