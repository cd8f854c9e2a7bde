module playbook/posts/oltp-vs-olap/bench

go 1.19
