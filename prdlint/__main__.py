from prdlint.cli import main

main()
