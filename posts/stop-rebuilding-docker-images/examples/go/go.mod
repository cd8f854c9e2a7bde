module playbook/posts/stop-rebuilding-docker-images/examples/go

go 1.25
