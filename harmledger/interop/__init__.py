"""Bridges to other conflict datasets: ACLED and UCDP GED exports, and comparing against them."""
