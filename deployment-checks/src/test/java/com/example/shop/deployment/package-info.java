/**
 * Offline checks of how the system is deployed: the Dockerfile, docker-compose.yml and
 * the kustomize tree under k8s/. Schemas (the Compose Specification, the Kubernetes API
 * and the operators' resources) say each file is well formed; the consistency checks
 * derive what each service reads from its application.yml and the contracts' topics, and
 * fail when a deployment sets a variable, port, database or topic that disagrees. Nothing
 * here starts a container or talks to a cluster.
 */
package com.example.shop.deployment;
