"""Everything that touches the file system: YAML input, atomic writes, draft locks."""
