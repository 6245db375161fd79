"""The interactive self-assessment: questionary prompts, the interview, the end questions."""
