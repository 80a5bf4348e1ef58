"""`python -m digiday`."""

from digiday.launch import main

main()
