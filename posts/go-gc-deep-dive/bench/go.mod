module playbook/posts/go-gc-deep-dive/bench

go 1.26
