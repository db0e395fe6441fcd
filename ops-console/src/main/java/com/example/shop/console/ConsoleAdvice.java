package com.example.shop.console;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows: who is signed in; and the page a service's error becomes, with
 * the service's own status and words.
 */
@ControllerAdvice
class ConsoleAdvice {

	@ModelAttribute("operator")
	String operator(Principal principal) {
		if (principal instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user
				&& user.getPreferredUsername() != null) {
			return user.getPreferredUsername();
		}
		return (principal != null) ? principal.getName() : null;
	}

	@ExceptionHandler
	String serviceFailed(ServiceException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status());
		model.addAttribute("title", "Not available");
		model.addAttribute("message", ex.describe());
		return "error";
	}

}
