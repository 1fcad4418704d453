from strichka.cli import main

# Guarded: extraction workers are spawned processes that import the main module again.
if __name__ == "__main__":
    main()
