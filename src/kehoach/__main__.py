"""`python -m kehoach`: the `kehoach` command."""

from .entry import run

if __name__ == "__main__":
    run()
