"""The framework floor: the smallest useful Typer program, on milia's interpreter and Typer.

``benchmarks/run.py`` times this next to ``milia --version`` and ``milia today``:
whatever milia costs above this line is milia's own doing, not Typer's.
"""

import typer

app = typer.Typer(add_completion=True)  # the same default milia's app uses


@app.command()
def hello(name: str = "world") -> None:
    """Say hello."""
    typer.echo(f"hello {name}")


if __name__ == "__main__":
    app()
