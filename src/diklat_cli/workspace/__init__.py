"""Reading the workspace: finding, parsing, validating and caching the user's files, and diklat's own state."""
