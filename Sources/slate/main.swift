import SlateCLI

SlateCLI.main()
