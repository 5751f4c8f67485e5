"""The stream runtime: batched exactly-once read-process-write on aiokafka's public API, hosted by Faust.

- ``loop``: the consumer, one task per input partition, the batch loop and the one error callback.
- ``checkpoint``: the commit of one batch, step by step, as an explicit state machine.
- ``state``: the tables' local stores (RocksDB or memory) and their recovery from changelogs.
- ``membership``: the group's assignor, which also tells every worker where its peers' APIs are.
- ``compat``: the tested versions of faust-streaming and aiokafka, checked at start-up.
"""
