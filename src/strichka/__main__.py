from strichka.cli import main

main()
