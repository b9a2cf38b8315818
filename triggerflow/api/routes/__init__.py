"""The API's routes, one module per area, all on the one `api` blueprint."""
