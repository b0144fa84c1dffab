"""Short news stories written for the tests (our own words): a Kharkiv market strike, its later
toll, and an Odesa port strike, as .txt files with a date line and a title."""

MARKET = """2022-07-21

Shelling hits Kharkiv market

Russian shelling struck a crowded market in Kharkiv on Thursday morning, killing three people and
wounding 12, regional governor Oleh Synehubov said.
"""
PORT = """2022-07-23

Missiles hit Odesa port

Two Russian cruise missiles struck the port of Odesa on Saturday, a day after a grain deal was
signed; no one was hurt, the Ukrainian navy said.
"""
TOLL = """2022-07-22

Kharkiv market toll rises

The number of people killed when Russian shells hit a market in Kharkiv on Thursday has risen to
five, the city's mayor Ihor Terekhov said on Friday. Rescuers finished searching the stalls overnight.
"""
