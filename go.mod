module github.com/life-go/life

go 1.25
