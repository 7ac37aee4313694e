"""The content model, reading YAML safely, validating it and checking the site."""
