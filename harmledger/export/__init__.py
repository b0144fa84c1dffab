"""The contract exports: JSON (`harmledger/incidents@1`), incident CSV and GeoJSON (CONTRACT.md)."""
