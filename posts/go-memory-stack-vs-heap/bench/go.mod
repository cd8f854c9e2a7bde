module playbook/posts/go-memory-stack-vs-heap/bench

go 1.26
