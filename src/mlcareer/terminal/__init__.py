"""The terminal: the stdout/stderr consoles and pager, and the interactive prompts."""
