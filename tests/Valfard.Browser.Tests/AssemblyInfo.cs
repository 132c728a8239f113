// The browser journeys each start their own app (seeding, printing the demo PDFs) and drive a real Chromium. Run in
// parallel on a 2-core machine they starve each other, and a sign-in can miss its 60-second wait; one at a time they
// are steady.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
