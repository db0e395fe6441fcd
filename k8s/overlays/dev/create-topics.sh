#!/bin/bash
# Creates every topic the services use before any of them starts, with the partitions and retention
# they expect (Kafka here never creates topics implicitly). Idempotent: existing topics are left alone.
# Input, from the environment: BOOTSTRAP_SERVERS, TOPICS (space-separated), PARTITIONS,
# REPLICATION_FACTOR, RETENTION_MS and MIN_INSYNC_REPLICAS.
set -euo pipefail
for topic in ${TOPICS}; do
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "${BOOTSTRAP_SERVERS}" --create --if-not-exists \
    --topic "${topic}" --partitions "${PARTITIONS}" --replication-factor "${REPLICATION_FACTOR}" \
    --config "retention.ms=${RETENTION_MS}" --config "min.insync.replicas=${MIN_INSYNC_REPLICAS}"
done
echo "Topics ready: ${TOPICS}"
