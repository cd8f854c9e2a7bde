module playbook/posts/understanding-cpu-caches-in-go/bench

go 1.26
