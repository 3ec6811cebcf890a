program hello(output);
begin
  writeln('Hello, world!')
end.
