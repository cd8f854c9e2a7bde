module playbook/posts/ai-coding-in-2026/code

go 1.26
