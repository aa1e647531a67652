// Placeholder until the sample issue: proves the solution builds and runs end to end.
Console.WriteLine("AlbBuilder console sample: the demo lands with the sample issue.");
return 0;
