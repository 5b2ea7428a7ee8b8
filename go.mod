module cjml.dev

go 1.24

require (
	github.com/beevik/etree v1.8.1
	gopkg.in/yaml.v3 v3.0.1
)

require (
	github.com/stretchr/testify v1.12.1
	go.yaml.in/yaml/v3 v3.0.5 // indirect
)
