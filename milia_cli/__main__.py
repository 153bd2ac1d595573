from milia_cli.cli import main

main()
