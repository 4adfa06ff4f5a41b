"""What two or more services need: message models (`models`), topics, the settings base, the
Kafka factory and consumer loop (`kafka`, `consume`), metrics, logging and the bundled broker.
May import: nothing of `services`."""
