"""Operator tools behind CLI commands that are not pipeline steps."""
