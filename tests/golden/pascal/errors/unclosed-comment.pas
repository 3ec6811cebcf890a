program p(output);
begin
  writeln('a') { never closed
end.
