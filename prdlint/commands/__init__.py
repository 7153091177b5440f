"""One module per CLI command; `_common` holds the options and wiring they share."""
