module playbook/posts/stop-rebuilding-docker-images/bench

go 1.26
