module playbook/posts/just-about-go-time/code

go 1.26
