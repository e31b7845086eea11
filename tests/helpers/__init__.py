"""What several test modules share: test modules import product code and these helpers, never each other."""
