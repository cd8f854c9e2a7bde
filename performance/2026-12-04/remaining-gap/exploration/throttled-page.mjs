// The page the exploration scripts load into: a new context at Lighthouse's phone size, with Chrome's 4x CPU slowdown
// and 150 ms of latency on a 1.6 Mbit/s link (close to Lighthouse's DevTools throttling, not the same). Returns the
// context, its page and a DevTools session on it.
export async function throttledPage(browser) {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 150,
    downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
    uploadThroughput: ((750 * 1024) / 8) * 0.9,
  })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  return { context, page, cdp }
}
