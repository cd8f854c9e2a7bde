module playbook/posts/go-struct-field-alignment/bench

go 1.26
