"""Demo and scale seed data for every app: the small Pemprov Lampung demo (`seed_demo`) and the
province-scale data set (`seed_demo --scale lampung`). This app sits on top of the domain apps:
it imports any of them, and none of them imports it."""
