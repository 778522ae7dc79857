#!/bin/bash
# Runs once, after InfluxDB 2.x's first-start setup (docker-entrypoint-initdb.d):
# maps database "fleet" / retention policy "autogen" to the bucket, so InfluxQL
# on /query (the service's reads, Grafana's panels) finds the data.
set -euo pipefail
influx v1 dbrp create \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db "${DOCKER_INFLUXDB_INIT_BUCKET}" \
  --rp autogen \
  --default \
  --org "${DOCKER_INFLUXDB_INIT_ORG}" \
  --token "${DOCKER_INFLUXDB_INIT_ADMIN_TOKEN}"
