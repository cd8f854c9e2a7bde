export default function Page() {
  return (
    <main>
      <h1>An empty page</h1>
      <p>The cheapest page this version of Next.js serves: one heading and one paragraph, nothing else.</p>
    </main>
  )
}
