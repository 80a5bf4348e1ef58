"""Each command's answer, as the JSON-ready payloads the CLI and the API both give."""
