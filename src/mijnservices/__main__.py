from mijnservices.cli import main

main()
