"""The engine adapter: the only package that imports MkDocs or knows Material."""
