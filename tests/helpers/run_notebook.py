"""Executes a notebook headless with nbclient, as an analyst's Run All would; saves the executed copy."""
import sys

import nbformat
from nbclient import NotebookClient

source, executed = sys.argv[1], sys.argv[2]
notebook = nbformat.read(source, as_version=4)
NotebookClient(notebook, timeout=180, kernel_name="python3", resources={"metadata": {"path": "."}}).execute()
nbformat.write(notebook, executed)
