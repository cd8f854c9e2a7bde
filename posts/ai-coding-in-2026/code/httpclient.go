package code

import (
	"net"
	"net/http"
	"time"
)

// NewClient is the outbound client every service should build once and
// share. http.DefaultClient, and any &http.Client{} literal, has Timeout 0,
// which means no limit at all: a peer that accepts the connection and never
// answers keeps the goroutine, the socket and whatever it holds forever.
func NewClient() *http.Client {
	return &http.Client{
		// An upper bound on the whole exchange: dial, TLS, headers, body.
		// Per-request deadlines still belong in the request's context.
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 3 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   3 * time.Second,
			ResponseHeaderTimeout: 5 * time.Second,
			IdleConnTimeout:       90 * time.Second,
			MaxIdleConns:          100,
			MaxIdleConnsPerHost:   10,
		},
	}
}

// NewServer is the inbound side of the same lesson: http.ListenAndServe
// builds a Server with every timeout at zero, so a client that trickles its
// headers one byte at a time holds a connection open indefinitely.
func NewServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
}
